/* The C side of trustwalk's terminal backend: accessors for what Swift 6 cannot import directly
   (C globals, macros). See shared/reference/terminal-ui.md, part 1. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1 /* SwiftPM drops pkg-config's -D flags, which would enable the wide API */
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>

/* C globals: not concurrency-safe when imported, so read them through functions. */
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }
static inline SCREEN *nc_newterm(const char *t) { return newterm(t, stdout, stdin); }
static inline const char *nc_codeset(void) { return nl_langinfo(CODESET); }

/* Attribute macros the Clang importer cannot translate. */
static inline attr_t nc_a_normal(void) { return A_NORMAL; }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_dim(void) { return A_DIM; }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }

/* Whether the terminal can address the cursor (a usable full-screen terminal). */
static inline int nc_has_cursor_addressing(void) {
  const char *cup = tigetstr("cup");
  return cup != NULL && cup != (const char *)-1;
}

/* Writes the bytes straight to the terminal (OSC 52 clipboard), after ncurses' own output. */
static inline void nc_write_raw(const char *bytes) {
  fflush(stdout);
  fputs(bytes, stdout);
  fflush(stdout);
}

/* wattr_set is also a macro; this calls the function with a colour pair number. */
static inline int nc_set_attributes(WINDOW *window, attr_t attributes, short pair) {
  return wattr_set(window, attributes, pair, NULL);
}
