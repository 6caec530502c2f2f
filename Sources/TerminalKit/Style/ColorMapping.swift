/// Nearest-colour mapping, so themes written with RGB still read on 256, 16 and 8 colour
/// terminals. Distances are plain squared RGB distances: predictable and good enough for
/// picking among palette entries.
extension Color {
    /// This colour as the closest one `capability` can show (`.default` under `.none`).
    public func adapted(to capability: ColorCapability) -> Color {
        switch capability {
        case .trueColor:
            return self
        case .none:
            return .default
        case .palette256:
            if case .rgb(let r, let g, let b) = self { return .indexed(Color.nearestIndex256(r, g, b)) }
            return self
        case .ansi16:
            switch self {
            case .default: return self
            case .indexed(let i) where i < 16: return Color.ansi[Int(i)]
            case .indexed, .rgb:
                let c = rgbValue!
                return Color.nearestANSI(c.r, c.g, c.b, count: 16)
            default: return self
            }
        case .ansi8:
            if self == .default { return self }
            if let i = ansiIndex { return Color.ansi[i % 8] }  // bright → base, as terminals do
            if case .indexed(let i) = self, i < 16 { return Color.ansi[Int(i) % 8] }
            let c = rgbValue!
            return Color.nearestANSI(c.r, c.g, c.b, count: 8)
        }
    }

    /// The palette index (16–255) closest to an RGB colour. The configurable entries 0–15 are
    /// skipped because their real values vary by terminal.
    public static func nearestIndex256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        // The cube's distance is separable, so the nearest level per channel is the nearest cube
        // colour; the nearest grey is the grey level nearest the mean.
        func level(_ v: UInt8) -> Int {
            var best = 0
            for i in 1..<cubeLevels.count
            where abs(Int(cubeLevels[i]) - Int(v)) < abs(Int(cubeLevels[best]) - Int(v)) {
                best = i
            }
            return best
        }
        let (ri, gi, bi) = (level(r), level(g), level(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let mean = (Int(r) + Int(g) + Int(b)) / 3
        let grey = 232 + min(23, max(0, (mean - 8 + 5) / 10))
        let cubeDistance = distance(paletteRGB(cube), (r, g, b))
        let greyDistance = distance(paletteRGB(grey), (r, g, b))
        return UInt8(greyDistance < cubeDistance ? grey : cube)
    }

    /// The ANSI colour (of the first `count`, 8 or 16) closest to an RGB colour.
    public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int = 16) -> Color {
        let n = min(max(count, 1), 16)
        var best = 0
        var bestDistance = Int.max
        for i in 0..<n {
            let d = distance(ansiRGB[i], (r, g, b))
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return ansi[best]
    }

    static func distance(_ a: (r: UInt8, g: UInt8, b: UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.r) - Int(b.0), dg = Int(a.g) - Int(b.1), db = Int(a.b) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
