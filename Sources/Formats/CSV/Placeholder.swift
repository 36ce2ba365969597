// Placeholder until the CSV format lands.
