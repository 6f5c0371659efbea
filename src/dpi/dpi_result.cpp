#include "dpi/dpi_result.h"

namespace wl {

std::string_view MetaStrings::get(Meta k) const {
  for (const Slot& s : slots_)
    if (s.key == k) return std::string_view(blob_).substr(s.offset, s.len);
  return {};
}

void MetaStrings::set(Meta k, std::string_view value) {
  if (value.size() > UINT16_MAX) value = value.substr(0, UINT16_MAX);
  for (auto it = slots_.begin(); it != slots_.end(); ++it) {
    if (it->key != k) continue;
    if (value.empty()) {
      slots_.erase(it);  // its bytes stay in the blob: fields are rarely replaced
    } else if (value.size() <= it->len) {
      blob_.replace(it->offset, value.size(), value);
      it->len = static_cast<uint16_t>(value.size());
    } else {
      it->offset = static_cast<uint32_t>(blob_.size());
      it->len = static_cast<uint16_t>(value.size());
      blob_.append(value);
    }
    return;
  }
  if (value.empty()) return;
  slots_.push_back(Slot{k, static_cast<uint16_t>(value.size()), static_cast<uint32_t>(blob_.size())});
  blob_.append(value);
}

size_t FlowMetadata::heap_bytes() const {
  return sizeof(FlowMetadata) + text.heap_bytes() + dns_answers.capacity() * sizeof(IpAddress);
}

void fill_missing(FlowMetadata& into, const FlowMetadata& from) {
  for (uint8_t i = 0; i < static_cast<uint8_t>(Meta::kCount); ++i) {
    Meta k = static_cast<Meta>(i);
    if (!into.text.has(k) && from.text.has(k)) into.text.set(k, from.text.get(k));
  }
  if (!into.tls_not_before) into.tls_not_before = from.tls_not_before;
  if (!into.tls_not_after) into.tls_not_after = from.tls_not_after;
  if (!into.tls_cipher) into.tls_cipher = from.tls_cipher;
  if (!into.http_status) into.http_status = from.http_status;
  if (!into.dns_query_type) into.dns_query_type = from.dns_query_type;
  if (!into.dns_answered && from.dns_answered) {
    into.dns_answered = true;
    into.dns_rcode = from.dns_rcode;
  }
  if (into.dns_answers.empty()) into.dns_answers = from.dns_answers;
}

}  // namespace wl
