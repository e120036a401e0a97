// The single error type of the configuration module.
#pragma once

#include <stdexcept>
#include <string>

namespace axis::config {

// Thrown by load_settings() when the configuration cannot be used: a malformed .env line, a
// YAML syntax error, a value of the wrong type or an invalid enum value. what() names the file
// (or "environment" / "command line"), the key or variable, and the reason, and never contains
// the value of a secret.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace axis::config
