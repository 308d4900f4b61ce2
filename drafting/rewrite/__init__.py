"""Rewrite actions on a draft or any text: shorter, warmer, more formal, simpler, translate,
add a next step. Offline from the brand's own knowledge where no model is needed."""
