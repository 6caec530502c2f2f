#ifndef CNCURSES_H
#define CNCURSES_H

// pkg-config's -D_XOPEN_SOURCE=600 is dropped by SwiftPM; without this the wide-character
// API (cchar_t, setcchar, wget_wch) is compiled out of curses.h.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <ncursesw/curses.h>
#include <wchar.h>

// Why a shim: Swift cannot import function-like macros (A_*, BUTTONn_*, KEY_F, getmaxyx),
// and everything that touches signals must be plain async-signal-minded C.

/// Result of `cn_open`.
typedef enum {
    CN_OK = 0,
    CN_NOT_A_TTY = 1,
    CN_NEWTERM_FAILED = 2,
    CN_ALREADY_OPEN = 3,
} cn_status;

// MARK: lifecycle (one screen per process)

/// Sets the locale, saves the tty, starts curses on stdin/stdout in raw mode with keypad,
/// colours and a 25 ms escape delay, and installs the restoring signal handlers. SIGWINCH
/// additionally writes the byte 'r' to `wake_fd`.
cn_status cn_open(int wake_fd);
/// Ends curses, restores the tty and the previous signal handlers. Idempotent.
void cn_close(void);
/// `endwin()` for running a child program on the terminal; signals still restore the tty.
void cn_suspend(void);
/// Back to curses after `cn_suspend`, repainting the whole screen.
void cn_resume(void);
/// 1 while a screen is open (also while suspended).
int cn_is_open(void);
/// 1 when `use_default_colors` worked, so colour -1 means the terminal's own colour.
int cn_default_colors(void);
/// 1 when ncurses had its own SIGWINCH handler to chain to (so KEY_RESIZE arrives by itself).
int cn_winch_chained(void);

// MARK: screen

int cn_lines(void);
int cn_cols(void);
/// `COLORS` after `start_color` (0 when the terminal has no colour).
int cn_colors(void);
/// `COLOR_PAIRS` after `start_color`.
int cn_color_pairs(void);
/// The tty's size from the kernel; 0 on success.
int cn_terminal_size(int *rows, int *cols);
/// `init_extended_pair`, so pair numbers and colours above 32767 work.
int cn_init_pair(int pair, int fg, int bg);
/// Writes one grapheme (`count` code points, at most CCHARW_MAX) at row `y`, column `x` of
/// stdscr with attributes and colour pair. Falls back to U+FFFD when curses rejects it.
int cn_put_cell(int y, int x, const wchar_t *chars, int count, attr_t attrs, int pair);
/// Writes `count` one-column characters (one code point each, no controls) from row `y`,
/// column `x` of stdscr in one style: one call for a whole run of changed cells.
int cn_put_run(int y, int x, const wchar_t *chars, int count, attr_t attrs, int pair);
/// Erases stdscr and forces the next `doupdate` to repaint the physical screen.
void cn_clear_all(void);
/// Moves stdscr's cursor (where the terminal cursor rests after `doupdate`).
void cn_move(int y, int x);
/// `wnoutrefresh(stdscr)` then `doupdate()`.
void cn_update(void);

// MARK: input

/// `wget_wch` on stdscr (non-blocking): returns OK with a character, KEY_CODE_YES with a key
/// code, or ERR when nothing is buffered.
int cn_get_wch(unsigned int *code);
/// Turns button presses and the wheel on or off; returns the mask now in effect.
mmask_t cn_set_mouse(int enabled);
/// `getmouse`; 0 on success.
int cn_get_mouse(int *x, int *y, mmask_t *bstate);

// MARK: constants curses only offers as macros

attr_t cn_attr_bold(void);
attr_t cn_attr_dim(void);
attr_t cn_attr_italic(void);
attr_t cn_attr_underline(void);
attr_t cn_attr_reverse(void);
/// `BUTTONn_PRESSED` for n in 1...5.
mmask_t cn_button_pressed(int n);
/// `BUTTONn_CLICKED` for n in 1...5 (terminals that only report clicks).
mmask_t cn_button_clicked(int n);
/// `KEY_F(n)`.
int cn_key_f(int n);

// MARK: wake pipe

/// A non-blocking, close-on-exec pipe; 0 on success.
int cn_make_pipe(int fds[2]);

#endif
