"""A mail server that accepts every message and keeps none: the production settings a
bench starts refuse to run without EMAIL_HOST, and the bench reads its links from the
outbox table, not from the mail."""

import socketserver
import threading


class _Session(socketserver.StreamRequestHandler):
    def handle(self):
        self.reply("220 bench sink")
        for line in self.rfile:
            command = line[:4].upper()
            if command == b"DATA":
                self.reply("354 end with a line holding a dot")
                for body_line in self.rfile:
                    if body_line.rstrip(b"\r\n") == b".":
                        break
                self.reply("250 discarded")
            elif command == b"QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")

    def reply(self, text):
        self.wfile.write(text.encode("ascii") + b"\r\n")


def start_smtp_sink():
    """Listen on a free local port in a background thread; return the port."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Session)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]
