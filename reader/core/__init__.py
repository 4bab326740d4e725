"""Qt-free core of Topic Reader: documents, loaders, topics, classifier, excerpts."""
