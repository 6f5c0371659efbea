#include <zlib.h>

#include <algorithm>
#include <climits>

#include "web/http_server.h"

namespace wl {

std::string gzip_compress(const std::string& data) {
  z_stream zs{};
  // windowBits 15 + 16 asks zlib for a gzip wrapper instead of raw zlib.
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out;
  out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
  size_t in_pos = 0, out_pos = 0;
  int rc = Z_OK;
  while (rc == Z_OK) {
    // avail_in/avail_out are 32-bit: feed huge inputs in slices.
    size_t in_chunk = std::min<size_t>(data.size() - in_pos, UINT_MAX);
    if (out_pos == out.size()) out.resize(out.size() * 2);
    size_t out_chunk = std::min<size_t>(out.size() - out_pos, UINT_MAX);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + in_pos));
    zs.avail_in = static_cast<uInt>(in_chunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + out_pos);
    zs.avail_out = static_cast<uInt>(out_chunk);
    bool last = in_pos + in_chunk == data.size();
    rc = deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
    in_pos += in_chunk - zs.avail_in;
    out_pos += out_chunk - zs.avail_out;
    if (rc == Z_BUF_ERROR && zs.avail_out != 0) break;  // no progress possible: a real error
    if (rc == Z_BUF_ERROR) rc = Z_OK;                   // output full: grow and go on
  }
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return {};
  out.resize(out_pos);
  return out;
}

}  // namespace wl
