#pragma once

#include <string>

namespace noteward::syncd_bench {

// Blob chunks up and down through noteward-syncd (TLS, hash check, durable write) next to the
// same bytes moved by curl to and from a plain HTTP server on loopback that keeps them in
// memory: MB/s for each and their ratio. `blobsPath` is a client's ".../blobs/" address and
// `bearer` a treating therapist's "Bearer <token>".
void benchBlobThroughput(int port, const std::string& caFile, const std::string& blobsPath, const std::string& bearer,
                         std::size_t chunks, std::size_t chunkBytes);

}  // namespace noteward::syncd_bench
