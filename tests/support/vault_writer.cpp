// Test helper: opens the vault named on the command line (passphrase from
// NOTEWARD_PASSPHRASE) and adds clients one transaction at a time, printing each committed
// id on its own line, until killed or until a write fails. With --file-size-limit BYTES it
// first caps how large any file may grow (RLIMIT_FSIZE), which makes writes fail the way a
// full disk does. Used by the crash-safety and full-disk tests.
#include "vault/vault.h"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <sys/resource.h>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: vault_writer VAULT_DIR [--file-size-limit BYTES]\n";
        return 2;
    }
    const char* env = std::getenv("NOTEWARD_PASSPHRASE");
    std::string text = env ? env : "";
    auto vault = noteward::core::vault::Vault::open(argv[1], noteward::core::crypto::SecretBytes::takeString(text));
    if (!vault) {
        std::cerr << "open failed: " << vault.error().message << '\n';
        return 1;
    }
    if (argc == 4 && std::string(argv[2]) == "--file-size-limit") {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{std::stoull(argv[3]), std::stoull(argv[3])};
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    for (long i = 0;; ++i) {
        noteward::core::model::Client client;
        client.name = "Crash Test " + std::to_string(i) + " " + std::string(200 - 20, 'x').substr(0, 150);
        auto added = vault.value()->clients().add(client);
        if (!added) {
            std::cout << "ERROR " << static_cast<int>(added.error().code) << ' ' << added.error().message << std::endl;
            return 1;
        }
        std::cout << added->id << std::endl;  // endl: the parent must see every committed id
    }
}
