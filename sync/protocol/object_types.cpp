#include "protocol/object_types.h"

#include <array>
#include <utility>

namespace noteward::sync::protocol {

namespace {
constexpr std::array<std::pair<ObjectType, std::string_view>, 8> kNames = {{
    {ObjectType::ClientRecord, "client_record"},
    {ObjectType::Session, "session"},
    {ObjectType::Transcript, "transcript"},
    {ObjectType::Note, "note"},
    {ObjectType::Addendum, "addendum"},
    {ObjectType::RecordKeyWrap, "record_key_wrap"},
    {ObjectType::Recording, "recording"},
    {ObjectType::RecordingKeyWrap, "recording_key_wrap"},
}};
}  // namespace

std::string_view objectTypeName(ObjectType type)
{
    for (const auto& [t, name] : kNames)
        if (t == type) return name;
    return "client_record";
}

std::optional<ObjectType> objectTypeFromName(std::string_view name)
{
    for (const auto& [t, n] : kNames)
        if (n == name) return t;
    return std::nullopt;
}

bool isRecordingMaterial(ObjectType type) { return type == ObjectType::Recording || type == ObjectType::RecordingKeyWrap; }

}  // namespace noteward::sync::protocol
