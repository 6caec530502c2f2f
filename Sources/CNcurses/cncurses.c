#define _GNU_SOURCE 1
#include "cncurses.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

// All state is process-wide because signal handlers and atexit cannot carry context.
static SCREEN *cn_screen;
static volatile sig_atomic_t cn_open_flag;   // between cn_open and cn_close
static volatile sig_atomic_t cn_active;      // curses owns the tty (not suspended)
static volatile int cn_wake_fd = -1;
static struct termios cn_saved_tty;
static int cn_have_saved_tty;
static int cn_atexit_registered;
static int cn_default_colors_ok;

// Signals that end the process: restore the tty, then let the previous disposition act.
static const int cn_fatal_signals[] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE,
};
#define CN_FATAL_COUNT ((int)(sizeof cn_fatal_signals / sizeof cn_fatal_signals[0]))
static struct sigaction cn_previous[CN_FATAL_COUNT];
static int cn_installed[CN_FATAL_COUNT];
static struct sigaction cn_curses_winch;
static int cn_has_curses_winch;

static int cn_fatal_index(int sig) {
    for (int i = 0; i < CN_FATAL_COUNT; i++) {
        if (cn_fatal_signals[i] == sig) return i;
    }
    return -1;
}

static void cn_restore_tty(void) {
    if (cn_active) {
        cn_active = 0;
        endwin();
    }
    // Belt and braces: endwin restores the shell mode too, but not if it fails half-way.
    if (cn_open_flag && cn_have_saved_tty) tcsetattr(STDIN_FILENO, TCSANOW, &cn_saved_tty);
}

static void cn_on_fatal(int sig, siginfo_t *info, void *context) {
    (void)context;
    int saved_errno = errno;
    cn_restore_tty();
    int i = cn_fatal_index(sig);
    if (i >= 0) sigaction(sig, &cn_previous[i], NULL);
    int synchronous_fault = sig != SIGABRT && sig != SIGINT && sig != SIGTERM && sig != SIGHUP
        && sig != SIGQUIT && info != NULL && info->si_code > 0;
    // A real fault re-executes the faulting instruction on return and reaches the previous
    // handler with its true context; anything sent (kill, raise) must be re-sent.
    if (!synchronous_fault) raise(sig);
    errno = saved_errno;
}

static void cn_on_winch(int sig, siginfo_t *info, void *context) {
    int saved_errno = errno;
    if (cn_has_curses_winch) {
        if (cn_curses_winch.sa_flags & SA_SIGINFO) {
            cn_curses_winch.sa_sigaction(sig, info, context);
        } else {
            cn_curses_winch.sa_handler(sig);
        }
    }
    int fd = cn_wake_fd;
    if (fd >= 0) {
        char byte = 'r';
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

static void cn_at_exit(void) { cn_restore_tty(); }

static int cn_is_function(const struct sigaction *sa) {
    if (sa->sa_flags & SA_SIGINFO) return sa->sa_sigaction != NULL;
    return sa->sa_handler != SIG_DFL && sa->sa_handler != SIG_IGN;
}

// Docker images and CI shells often run without LANG; ncursesw then prints every non-ASCII
// character as an escape. A locale the user did set is respected.
static void cn_choose_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    int utf8 = codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
    const char *all = getenv("LC_ALL"), *ctype = getenv("LC_CTYPE"), *lang = getenv("LANG");
    int chosen = (all && *all) || (ctype && *ctype) || (lang && *lang);
    if (!utf8 && !chosen) setlocale(LC_CTYPE, "C.UTF-8");
}

cn_status cn_open(int wake_fd) {
    if (cn_open_flag) return CN_ALREADY_OPEN;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return CN_NOT_A_TTY;
    cn_choose_locale();
    cn_have_saved_tty = tcgetattr(STDIN_FILENO, &cn_saved_tty) == 0;
    // Taken before newterm so that ncurses' own SIGINT/SIGTERM handlers are not what we chain to.
    for (int i = 0; i < CN_FATAL_COUNT; i++) sigaction(cn_fatal_signals[i], NULL, &cn_previous[i]);

    cn_screen = newterm(NULL, stdout, stdin);
    if (cn_screen == NULL) return CN_NEWTERM_FAILED;
    set_term(cn_screen);
    raw();      // ctrl-c, ctrl-z, ctrl-s arrive as keys, not signals or flow control
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);  // the Swift side waits with poll() so it can also watch the wake pipe
    intrflush(stdscr, FALSE);
    // Esc answers at once; ESCDELAY (ncurses' own variable) lets a slow link or a loaded
    // machine keep escape sequences such as mouse reports whole.
    if (getenv("ESCDELAY") == NULL) set_escdelay(25);
    if (has_colors()) {
        start_color();
        cn_default_colors_ok = use_default_colors() == OK;
    }
    curs_set(0);
    mouseinterval(0);  // report presses at once instead of waiting to detect clicks
    // Until a screen has been through endwin once, ncurses 6.4 flushes its output after every
    // cursor movement (its "screen not initialised" case for low-level terminfo users), which
    // cut a full frame into a write(2) per row. One endwin and doupdate, before anything is
    // drawn, puts it in its running state; the modes set above come back with it.
    endwin();
    doupdate();

    cn_wake_fd = wake_fd;
    sigaction(SIGWINCH, NULL, &cn_curses_winch);
    cn_has_curses_winch = cn_is_function(&cn_curses_winch);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO;
    sa.sa_sigaction = cn_on_fatal;
    for (int i = 0; i < CN_FATAL_COUNT; i++) {
        // An ignored signal stays ignored (nohup, or an app that handles it via a dispatch source).
        cn_installed[i] = cn_previous[i].sa_handler != SIG_IGN || (cn_previous[i].sa_flags & SA_SIGINFO);
        if (cn_installed[i]) sigaction(cn_fatal_signals[i], &sa, NULL);
    }
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sa.sa_sigaction = cn_on_winch;
    sigaction(SIGWINCH, &sa, NULL);

    cn_active = 1;
    cn_open_flag = 1;
    if (!cn_atexit_registered) {
        atexit(cn_at_exit);
        cn_atexit_registered = 1;
    }
    return CN_OK;
}

void cn_close(void) {
    if (!cn_open_flag) return;
    for (int i = 0; i < CN_FATAL_COUNT; i++) {
        if (cn_installed[i]) sigaction(cn_fatal_signals[i], &cn_previous[i], NULL);
        cn_installed[i] = 0;
    }
    // ncurses installed its SIGWINCH handler once per process; give it back rather than the
    // pre-curses disposition so a later screen still gets KEY_RESIZE.
    sigaction(SIGWINCH, &cn_curses_winch, NULL);
    cn_wake_fd = -1;
    if (cn_active) {
        cn_active = 0;
        endwin();
    }
    cn_open_flag = 0;
    delscreen(cn_screen);
    cn_screen = NULL;
}

void cn_suspend(void) {
    if (!cn_open_flag || !cn_active) return;
    cn_active = 0;
    endwin();
}

void cn_resume(void) {
    if (!cn_open_flag || cn_active) return;
    clearok(curscr, TRUE);
    wnoutrefresh(stdscr);
    doupdate();
    cn_active = 1;
}

int cn_is_open(void) { return cn_open_flag; }
int cn_default_colors(void) { return cn_default_colors_ok; }
int cn_winch_chained(void) { return cn_has_curses_winch; }

int cn_lines(void) { return LINES; }
int cn_cols(void) { return COLS; }
int cn_colors(void) { return has_colors() ? COLORS : 0; }
int cn_color_pairs(void) { return has_colors() ? COLOR_PAIRS : 0; }

int cn_terminal_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

int cn_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }

int cn_put_cell(int y, int x, const wchar_t *chars, int count, attr_t attrs, int pair) {
    wchar_t buf[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    if (n < 0) n = 0;
    memcpy(buf, chars, (size_t)n * sizeof(wchar_t));
    buf[n] = 0;
    cchar_t cc;
    // The opts pointer carries the pair as an int, so pairs above 32767 work.
    if (n == 0 || setcchar(&cc, buf, attrs, 0, &pair) == ERR) {
        const wchar_t replacement[2] = {0xFFFD, 0};
        setcchar(&cc, replacement, attrs, 0, &pair);
    }
    return mvwadd_wch(stdscr, y, x, &cc);
}

int cn_put_run(int y, int x, const wchar_t *chars, int count, attr_t attrs, int pair) {
    enum { chunk = 256 };
    cchar_t run[chunk];
    // One setcchar for the run's look: its cells differ only in their character, which the
    // caller guarantees is printable and one column wide, so each cell is that template with
    // its character put in (setcchar per cell measured and copied every character again).
    cchar_t look;
    const wchar_t space[2] = {L' ', 0};
    if (setcchar(&look, space, attrs, 0, &pair) == ERR) return ERR;
    int status = OK;
    for (int start = 0; start < count; start += chunk) {
        int n = count - start < chunk ? count - start : chunk;
        for (int i = 0; i < n; i++) {
            run[i] = look;
            run[i].chars[0] = chars[start + i];
        }
        // Unlike add_wch, add_wchnstr copies the cells without moving the cursor or
        // interpreting them, which is all a run of plain one-column cells needs.
        if (mvwadd_wchnstr(stdscr, y, x + start, run, n) == ERR) status = ERR;
    }
    // Leave the cursor after the run, where add_wch would: doupdate parks the terminal's
    // cursor there, and a cursor already in place costs no movement bytes.
    if (x + count < COLS) wmove(stdscr, y, x + count);
    return status;
}

void cn_clear_all(void) {
    werase(stdscr);
    clearok(curscr, TRUE);
}

void cn_move(int y, int x) { wmove(stdscr, y, x); }

void cn_update(void) {
    wnoutrefresh(stdscr);
    doupdate();
}

int cn_get_wch(unsigned int *code) {
    wint_t wc = 0;
    int status = wget_wch(stdscr, &wc);
    *code = (unsigned int)wc;
    return status;
}

mmask_t cn_set_mouse(int enabled) {
    mmask_t want = enabled
        ? (BUTTON1_PRESSED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED)
        : 0;
    mmask_t old = 0;
    mmask_t got = mousemask(want, &old);
    // mousemask only queues the enable/disable sequence; flush it now, not at the next frame.
    doupdate();
    return got;
}

int cn_get_mouse(int *x, int *y, mmask_t *bstate) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    *bstate = event.bstate;
    return 0;
}

attr_t cn_attr_bold(void) { return A_BOLD; }
attr_t cn_attr_dim(void) { return A_DIM; }
attr_t cn_attr_italic(void) { return A_ITALIC; }
attr_t cn_attr_underline(void) { return A_UNDERLINE; }
attr_t cn_attr_reverse(void) { return A_REVERSE; }

mmask_t cn_button_pressed(int n) {
    switch (n) {
    case 1: return BUTTON1_PRESSED;
    case 2: return BUTTON2_PRESSED;
    case 3: return BUTTON3_PRESSED;
    case 4: return BUTTON4_PRESSED;
    case 5: return BUTTON5_PRESSED;
    default: return 0;
    }
}

mmask_t cn_button_clicked(int n) {
    switch (n) {
    case 1: return BUTTON1_CLICKED;
    case 2: return BUTTON2_CLICKED;
    case 3: return BUTTON3_CLICKED;
    case 4: return BUTTON4_CLICKED;
    case 5: return BUTTON5_CLICKED;
    default: return 0;
    }
}

int cn_key_f(int n) { return KEY_F(n); }

int cn_make_pipe(int fds[2]) { return pipe2(fds, O_NONBLOCK | O_CLOEXEC); }
