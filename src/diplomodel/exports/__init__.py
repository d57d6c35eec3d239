"""Writers for the formats the field reads, one module per format."""
