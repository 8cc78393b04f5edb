"""The app's pages, one module per part: the interview, the register, the result, the clients, the hub."""
