#pragma once
// Response writing: RapidJSON's Writer with short helpers for key/value pairs.
#include <cstdint>
#include <string>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace wl {

using JsonBuffer = rapidjson::StringBuffer;
using Json = rapidjson::Writer<rapidjson::StringBuffer>;

inline void jkey(Json& w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
inline void jstr(Json& w, std::string_view v) { w.String(v.data(), static_cast<rapidjson::SizeType>(v.size())); }

inline void kv(Json& w, std::string_view k, std::string_view v) { jkey(w, k); jstr(w, v); }
// A null C string writes "" (a name table without an entry must not take the server down).
inline void kv(Json& w, std::string_view k, const char* v) { jkey(w, k); jstr(w, v ? std::string_view(v) : std::string_view()); }
inline void kv(Json& w, std::string_view k, const std::string& v) { jkey(w, k); jstr(w, v); }
inline void kv(Json& w, std::string_view k, bool v) { jkey(w, k); w.Bool(v); }
inline void kv(Json& w, std::string_view k, int v) { jkey(w, k); w.Int(v); }
inline void kv(Json& w, std::string_view k, unsigned v) { jkey(w, k); w.Uint(v); }
inline void kv(Json& w, std::string_view k, long v) { jkey(w, k); w.Int64(v); }
inline void kv(Json& w, std::string_view k, unsigned long v) { jkey(w, k); w.Uint64(v); }
inline void kv(Json& w, std::string_view k, long long v) { jkey(w, k); w.Int64(v); }
inline void kv(Json& w, std::string_view k, unsigned long long v) { jkey(w, k); w.Uint64(v); }
inline void kv(Json& w, std::string_view k, double v) { jkey(w, k); w.Double(v); }

// ntopng writes an empty map as [] (section 1.5 of the compat doc).
inline void empty_map(Json& w) { w.StartArray(); w.EndArray(); }

// "1,250": ntopng's thousands separators for flow scores.
std::string with_thousands(uint64_t v);

}  // namespace wl
