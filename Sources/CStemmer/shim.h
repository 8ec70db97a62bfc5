#ifndef ATTUNE_CSTEMMER_SHIM_H
#define ATTUNE_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
