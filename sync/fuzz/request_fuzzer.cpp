// libFuzzer target over what the server reads from the network before anything else: request
// bodies (strict JSON objects and their fields), ids from paths, e-mail addresses, base64
// envelopes, and the server's own answers as a client reads them. Built with
// -DNOTEWARD_FUZZ=ON and clang; see docs/sync-protocol.md.
#include "protocol/base64.h"
#include "protocol/object_types.h"
#include "protocol/server_info.h"
#include "protocol/strict_json.h"
#include "protocol/wire_ids.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace noteward::sync::protocol;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)isWireId(text);
    (void)normalisedEmail(text);
    (void)objectTypeFromName(text);
    (void)isJsonContentType(text);
    if (auto decoded = base64Decode(text)) {
        // What decodes must encode back to the same text (canonical base64 only).
        if (base64Encode(*decoded) != text) __builtin_trap();
    }
    auto body = parseObject(text, {"invitation", "email", "auth_key", "totp", "type", "base_version", "signed", "envelope"});
    if (body) {
        (void)requiredString(*body, "email", 254);
        (void)requiredString(*body, "envelope", 1 << 20);
        (void)requiredInteger(*body, "base_version", 0, std::int64_t(1) << 53);
        (void)serverInfoFromJson(*body);
        (void)wireErrorFromJson(*body);
    }
    return 0;
}
