#include "vault/audit_head.h"

#include "vault/file_io.h"

#include <nlohmann/json.hpp>

namespace noteward::core::vault {

namespace {
constexpr std::string_view kFormat = "noteward-audit-head";
constexpr std::uintmax_t kMaxSize = 4096;
}  // namespace

std::optional<audit::AuditHead> readAuditHead(const VaultPaths& paths)
{
    std::error_code ec;
    if (!std::filesystem::exists(paths.auditHead(), ec)) return std::nullopt;
    auto bytes = readWholeFile(paths.auditHead(), kMaxSize);
    if (!bytes) return audit::AuditHead{};  // unreadable: an empty head, which matches no log
    const auto doc = nlohmann::json::parse(bytes->begin(), bytes->end(), nullptr, false);
    if (!doc.is_object() || doc.value("format", std::string()) != kFormat) return audit::AuditHead{};
    const auto seq = doc.find("seq");
    const auto hash = doc.find("hash");
    if (seq == doc.end() || !seq->is_number_integer() || hash == doc.end() || !hash->is_string())
        return audit::AuditHead{};
    return audit::AuditHead{seq->get<std::int64_t>(), hash->get<std::string>()};
}

Result<void> writeAuditHead(const VaultPaths& paths, const std::optional<audit::AuditHead>& head)
{
    if (!head) return Ok{};
    const nlohmann::json doc = {{"format", kFormat}, {"seq", head->seq}, {"hash", head->hash}};
    return writeFileAtomically(paths.auditHead(), asBytes(doc.dump() + "\n"));
}

}  // namespace noteward::core::vault
