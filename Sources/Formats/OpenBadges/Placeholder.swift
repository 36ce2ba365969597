// Placeholder until the OpenBadges format lands.
