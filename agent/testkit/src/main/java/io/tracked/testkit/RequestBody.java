package io.tracked.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body within a size limit and undoes gzip the three ways PostHog detects it.
 *
 * <p>PostHog gunzips when the {@code Content-Encoding} header says so, when {@code ?compression=gzip}
 * (or {@code gzip-js}) is in the query, or when the body simply starts with the gzip magic bytes. A
 * client that compresses must work against the fake exactly when it would work against PostHog.
 */
final class RequestBody {

  private RequestBody() {
  }

  /**
   * Reads the whole stream. Past {@code limit} bytes it keeps draining (so the client can finish
   * writing and read the answer) but discards, then reports 413.
   */
  static byte[] readLimited(InputStream in, int limit) throws IOException, Rejection {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total <= limit) {
        out.write(buffer, 0, n);
      }
    }
    if (total > limit) {
      throw new Rejection(413, "body of " + total + " bytes is over the " + limit + " byte limit");
    }
    return out.toByteArray();
  }

  static boolean isGzip(byte[] body, String contentEncoding, String query) {
    if (contentEncoding != null && contentEncoding.toLowerCase().contains("gzip")) {
      return true;
    }
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.equalsIgnoreCase("compression=gzip") || pair.equalsIgnoreCase("compression=gzip-js")) {
          return true;
        }
      }
    }
    return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
  }

  /** Gunzips, refusing output over {@code limit} so a compressed bomb is a 413, not an OOM. */
  static byte[] gunzip(byte[] body, int limit) throws Rejection {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        if (out.size() > limit) {
          throw new Rejection(413, "gzip body inflates past the " + limit + " byte limit");
        }
      }
      return out.toByteArray();
    } catch (ZipException | java.io.EOFException e) {
      throw new Rejection(400, "body is not valid gzip: " + e.getMessage());
    } catch (IOException e) {
      throw new Rejection(400, "could not gunzip body: " + e);
    }
  }
}
