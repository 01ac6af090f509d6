// The `marsad` subcommands. Each Register* adds one CLI11 subcommand whose callback
// sets the process exit status through `exit_code`. Exit status convention:
//   0 ok; 1 some inputs failed (the rest was processed); 2 usage error;
//   3 the store could not be opened or written.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "store/store.h"

namespace marsad::cli {

inline constexpr int kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2, kExitStore = 3;

// Default database path: $MARSAD_DB, else ./marsad.db.
std::string DefaultDbPath();

// Adds the store options to a command: --db FILE|URL (`help` says what the file is for) and
// --pg URL, the same as --db with a PostgreSQL URL (the scale-out store, docs/SCALE-OUT.md).
void AddStoreOptions(CLI::App* cmd, std::string& db, const std::string& help);

// Opens the store or prints a message saying what to do and returns nullptr.
std::unique_ptr<store::Store> OpenStoreOrReport(const std::string& path, bool read_only);

void RegisterIngest(CLI::App& app, int& exit_code);
void RegisterShow(CLI::App& app, int& exit_code);
void RegisterList(CLI::App& app, int& exit_code);
void RegisterStats(CLI::App& app, int& exit_code);
void RegisterExport(CLI::App& app, int& exit_code);
void RegisterBench(CLI::App& app, int& exit_code);
void RegisterWorker(CLI::App& app, int& exit_code);
void RegisterStories(CLI::App& app, int& exit_code);
void RegisterStory(CLI::App& app, int& exit_code);
void RegisterDuplicates(CLI::App& app, int& exit_code);
void RegisterSearch(CLI::App& app, int& exit_code);
void RegisterEntities(CLI::App& app, int& exit_code);
void RegisterEntity(CLI::App& app, int& exit_code);
void RegisterEvents(CLI::App& app, int& exit_code);
void RegisterQuotes(CLI::App& app, int& exit_code);
void RegisterDyad(CLI::App& app, int& exit_code);
void RegisterServe(CLI::App& app, int& exit_code);

}  // namespace marsad::cli
