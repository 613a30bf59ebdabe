// Reads a WARC file with warcio (webrecorder's library, from npm) and prints one JSON line
// per record: its type, target URI, WARC-Payload-Digest, and the SHA-256 warcio's own
// reading of the payload gives (de-chunked), so a test can hold fora's export to a reader
// fora did not write.  Usage: node warcio_read.mjs NODE_MODULES FILE
import { createRequire } from "module";
import fs from "fs";
import crypto from "crypto";
import path from "path";

const [modules, file] = process.argv.slice(2);
const require = createRequire(path.resolve(modules) + "/");
const { WARCParser } = await import(require.resolve("warcio"));

const parser = new WARCParser(fs.createReadStream(file));
for await (const record of parser) {
  const out = { type: record.warcType, uri: record.warcTargetURI || "", digest: record.warcPayloadDigest || "" };
  if (record.warcType === "response") {
    const payload = await record.readFully(true);
    out.sha256 = "sha256:" + crypto.createHash("sha256").update(payload).digest("hex");
    out.status = record.httpHeaders ? record.httpHeaders.statusCode : 0;
  } else {
    await record.readFully(false);
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}
