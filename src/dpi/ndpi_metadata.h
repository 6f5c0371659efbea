#pragma once
// Copies what nDPI learned about a flow into our FlowMetadata before nDPI's
// flow state is freed (its strings die with it).
#include "dpi/dpi_result.h"
#include "dpi/ndpi_include.h"

namespace wl {

void copy_ndpi_metadata(ndpi_detection_module_struct* mod, ndpi_flow_struct* flow, const ndpi_protocol& proto,
                        FlowMetadata& out);

}  // namespace wl
