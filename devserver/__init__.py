"""The local development server: xblock-sdk's workbench configured for this block."""
