"""PDF documents rendered with WeasyPrint: the SOP, case dossiers and letters."""
