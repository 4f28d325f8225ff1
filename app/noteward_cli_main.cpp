#include "cli.h"

#include "util/process_hardening.h"

#include <iostream>

int main(int argc, char** argv)
{
    noteward::core::hardenProcess();
    return noteward::cli::runCli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
