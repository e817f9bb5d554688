"""Publishing tests: deployment configs, security headers under real nginx, metadata, print."""
