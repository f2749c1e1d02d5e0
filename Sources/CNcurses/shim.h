#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }
static inline SCREEN *nc_newterm(const char *t) { return newterm(t, stdout, stdin); }
static inline const char *nc_codeset(void) { return nl_langinfo(CODESET); }
