"""The local web app (``reportgen serve``): a form built from each template's manifest, a live
preview, downloads, saved drafts, and lint / format / 素材 behind buttons. Starlette on uvicorn;
the framework is imported only by this package, and this package only by the serve command."""
