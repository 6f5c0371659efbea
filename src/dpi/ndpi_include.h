#pragma once
// nDPI's C headers, for the two files of src/dpi that talk to nDPI.
extern "C" {
#include <ndpi_api.h>
}
