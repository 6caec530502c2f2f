/// ArgumentParser's generated help in isol8's words: the subcommand list is headed
/// `Commands:`, as isol8 prints it and as scripts and docs grep for, instead of
/// `SUBCOMMANDS:`. Everything else is left as generated.
enum HelpText {
    static func isol8(_ generated: String) -> String {
        generated.replacingOccurrences(of: "\nSUBCOMMANDS:\n", with: "\nCommands:\n")
    }
}
