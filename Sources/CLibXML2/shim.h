// libxml2 is built with ICU and its encoding.h includes <unicode/ucnv.h>. Those system ICU headers
// clash with the ICU that Foundation carries (same C names, other enum cases), so keep them out:
// claim ucnv.h is already included and declare the two types encoding.h needs from it (UChar is
// ICU's UTF-16 code unit).
#ifndef UCNV_H
#define UCNV_H
#include <stdint.h>
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlreader.h>
