"""The audit site: a searchable static archive for auditors, built with MkDocs + Material."""
