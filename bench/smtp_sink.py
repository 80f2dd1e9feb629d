"""A local mail server for benches: accepts every message, keeps only its Message-ID (to
count deliveries), and can be slow (`delay` seconds before accepting each message, so
that a worker can be killed in the middle of a send: the pause comes before the message
is sent, as with a slow server) and stopped and started again."""

import socketserver
import threading
import time
from email.parser import BytesHeaderParser


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True  # started again on the port it had before it was stopped
    daemon_threads = True


class SmtpSink:
    def __init__(self, delay=0.0):
        self.delay = delay
        self.port = None
        self.received = []  # Message-IDs, one per accepted message, in order
        self.sending = 0  # senders inside the pause, their message not yet sent
        self._server = None
        self._lock = threading.Lock()

    def start(self):
        """Listen (on the same port as before, if started before) in a background thread."""
        sink = self

        class Session(socketserver.StreamRequestHandler):
            def handle(self):
                self.reply("220 bench sink")
                for line in self.rfile:
                    command = line[:4].upper()
                    if command == b"DATA":
                        sink.pause()
                        self.reply("354 end with a line holding a dot")
                        sink.accept(self.read_message())
                        self.reply("250 accepted")
                    elif command == b"QUIT":
                        self.reply("221 bye")
                        return
                    else:
                        self.reply("250 ok")

            def read_message(self):
                lines = []
                for body_line in self.rfile:
                    if body_line.rstrip(b"\r\n") == b".":
                        break
                    lines.append(body_line)
                return b"".join(lines)

            def reply(self, text):
                self.wfile.write(text.encode("ascii") + b"\r\n")

        self._server = _Server(("127.0.0.1", self.port or 0), Session)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.port

    def pause(self):
        with self._lock:
            self.sending += 1
        time.sleep(self.delay)
        with self._lock:
            self.sending -= 1

    def accept(self, raw):
        message_id = BytesHeaderParser().parsebytes(raw)["Message-ID"]
        with self._lock:
            self.received.append(message_id)

    def stop(self):
        """Refuse connections from now on (the mail server is down)."""
        self._server.shutdown()
        self._server.server_close()


def start_smtp_sink():
    """A sink listening on a free local port in a background thread; returns the port."""
    return SmtpSink().start()
