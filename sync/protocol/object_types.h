#pragma once

#include <optional>
#include <string_view>

namespace noteward::sync::protocol {

// What an envelope holds, the only thing besides ids the server knows of it. Recordings and
// their key wraps are the recording therapist's alone: no one else, not a practice manager,
// may read them.
enum class ObjectType { ClientRecord, Session, Transcript, Note, Addendum, RecordKeyWrap, Recording, RecordingKeyWrap };

std::string_view objectTypeName(ObjectType type);
std::optional<ObjectType> objectTypeFromName(std::string_view name);
bool isRecordingMaterial(ObjectType type);

}  // namespace noteward::sync::protocol
