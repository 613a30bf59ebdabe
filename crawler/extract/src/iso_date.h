// ISO 8601 timestamps as found in HTML (<time datetime>, schema.org, feeds).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fora::extract {

// "2022-12-16T09:15:00-07:00" -> Unix seconds UTC. Accepts 'T' or ' ' between date and
// time, missing seconds, fractional seconds (dropped), "Z", "+HH:MM", "+HHMM", "+HH", and a
// bare date (midnight). A time without an offset is read as UTC. nullopt for anything else.
std::optional<std::int64_t> parse_iso8601(std::string_view text);

}  // namespace fora::extract
