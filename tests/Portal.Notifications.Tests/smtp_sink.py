"""A real SMTP server for the tests: Python's smtpd (Debian's python3), writing each message it
receives to a folder as an .eml file. Usage: smtp_sink.py PORT FOLDER. Prints "pronto" when listening."""
import os
import sys
import uuid
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import asyncore  # noqa: E402  (deprecated modules, still in Python 3.11)
import smtpd  # noqa: E402

port, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        name = uuid.uuid4().hex
        temp = os.path.join(folder, "." + name)
        with open(temp, "wb") as f:
            f.write(("X-Sink-Rcpt-To: " + ",".join(rcpttos) + "\r\n").encode("ascii"))
            f.write(data)
        os.rename(temp, os.path.join(folder, name + ".eml"))


Sink(("127.0.0.1", port), None)
print("pronto", flush=True)
asyncore.loop()
