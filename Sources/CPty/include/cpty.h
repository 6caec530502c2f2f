#ifndef CPTY_H
#define CPTY_H

/// Opens a pseudo-terminal of rows × cols: the master and slave descriptors, or -1 with
/// errno set. (glibc declares posix_openpt and friends only under _XOPEN_SOURCE, which
/// Swift's Glibc module does not define, so Swift cannot call them directly.)
int cpty_open(int rows, int cols, int *master, int *slave);

#endif
