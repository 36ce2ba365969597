#ifndef MICROCRED_CLIBXML2_SHIM_H
#define MICROCRED_CLIBXML2_SHIM_H

/* libxml2's headers include the system ICU when it was built with it; Foundation carries its own
   ICU, and both in one module give conflicting definitions. microcred uses no ICU-dependent
   libxml2 API, so the ICU parts are left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>
#include <libxml/tree.h>
#include <libxml/catalog.h>

#endif
