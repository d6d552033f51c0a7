package io.tracked.agent.sanitize;

/**
 * The single gate every captured value passes before it can become an event property, in the agent
 * and in the {@code sanitize} command alike. It keeps what product analytics needs — numbers,
 * booleans, enum names, and strings shaped like analytics tokens (model ids as vendors spell them,
 * providers, command ids, routes, versions, locales, timestamps, OS and IDE names, and UUIDs the host declared as ids it generated) — and drops
 * anything that could identify a person or carry their work: secrets and tokens, private keys, e-mail
 * addresses, paths, URLs, IP and MAC addresses, host names, phone, card, IBAN and national id numbers,
 * people's names, stack traces, code, prompts and any other free text, and every value captured under
 * a parameter name that announces content ({@link ContentNames}).
 *
 * <p>It never calls code of the host ({@link ValueWalker}), bounds its work on every value
 * ({@link Limits}), and fails closed: an exception, a timeout or anything it cannot judge drops the
 * value. Every verdict carries a reason, a class of data and never the data itself. It is thread-safe
 * and never throws.
 */
public final class Sanitizer {

  /** Longest string that can be sent. */
  static final int MAX_STRING_LENGTH = Limits.DEFAULT.maxKeptLength();

  private static final Verdict DROP_ERROR = Verdict.drop(Reasons.SANITIZER_ERROR);

  private final ValueWalker walker;

  public Sanitizer() {
    this(Limits.DEFAULT);
  }

  Sanitizer(Limits limits) {
    this.walker = new ValueWalker(limits);
  }

  /**
   * Forgets every captured value the sanitizer remembers to judge repeated short strings at once
   * ({@link ShortStringVerdicts}): called when the user opts out, so nothing captured stays in memory.
   */
  public void forgetValues() {
    walker.forgetValues();
  }

  /** How many captured values the sanitizer remembers right now (bounded; 0 after {@link #forgetValues()}). */
  public int rememberedValues() {
    return walker.rememberedValues();
  }

  /**
   * Whether every value captured under this name is dropped, whatever it holds, because the name
   * announces content ({@code prompt}, {@code filePath}, ...). The catalog marks such properties.
   */
  public static boolean dropsByName(String propertyName) {
    try {
      return propertyName != null && ContentNames.isContent(propertyName);
    } catch (RuntimeException failure) {
      return true;
    }
  }

  /** Judges one value captured under {@code propertyName} (which may be {@code null}). Never throws. */
  public Verdict sanitize(String propertyName, Object value) {
    return sanitize(propertyName, value, false);
  }

  /**
   * As {@link #sanitize(String, Object)}, for a property the host declared an id it generated itself
   * ({@code @TrackedProperty(value = ..., generatedId = true)}) when {@code generatedId} is set: a UUID,
   * bare or after a short prefix, is then kept; without the declaration it is dropped, since a vendor's
   * key can be a bare UUID. Every other rule applies unchanged. Never throws.
   */
  public Verdict sanitize(String propertyName, Object value, boolean generatedId) {
    try {
      return walker.judge(propertyName, value, generatedId);
    } catch (Throwable failure) { // fail closed, whatever went wrong (including StackOverflowError)
      return DROP_ERROR;
    }
  }
}
