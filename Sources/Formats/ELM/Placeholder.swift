// Placeholder until the ELM format lands.
