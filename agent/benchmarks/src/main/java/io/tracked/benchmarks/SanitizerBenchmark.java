package io.tracked.benchmarks;

import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.sanitize.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Question: how fast does the sanitizer judge one captured value?
 *
 * <p>It runs on the agent's own thread, not the host's, so it bounds how many events per second the
 * agent can build (and so how soon a burst drains from the 4096-call queue), and it is the CPU the
 * agent spends per property. Measured directly on {@link Sanitizer#sanitize(String, Object, boolean)}, without
 * the agent, on {@value #VALUES} (name, value) pairs drawn at random (fixed seed, so the branch
 * predictor cannot learn a short cycle) from:
 *
 * <ul>
 *   <li>{@code mix}: both pools below: what the sample editor's events and a careless host pass;
 *   <li>{@code kept}: what analytics keeps: booleans, numbers, enums, model names (with vendor
 *       prefixes, tags and dates), providers, file extensions, routes, slash-command and command ids,
 *       versions, locales, outcomes, UUIDs, timestamps, an IDE name;
 *   <li>{@code dropped}: what must never leave: paths, e-mails, URLs, API keys and tokens, card and
 *       phone numbers, IP addresses, machine and person names, free text, code, a stack trace; most
 *       under neutral names (so the value rules do the work), the rest under names that announce content
 *       ({@code prompt}, {@code filepath}...), which are dropped by name alone;
 *   <li>{@code short}: the values of both pools that are at most 40 characters long (the typical
 *       property): the figure behind "short values per second".
 * </ul>
 *
 * <p>{@link #nsPerValue} reports ns per value; {@link #valuesPerSecond} the same work as values/s. The
 * set-up checks each pool's verdicts, so a rule change that would make a pool mean something else fails
 * loudly instead of skewing the numbers, and prints the mix's keep/drop share.
 */
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SanitizerBenchmark {

  static final int VALUES = 1024;

  enum ChatMode { CHAT, EDIT, AGENT }

  /** Which values: {@code mix}, {@code kept}, {@code dropped} or {@code short}. */
  @Param({"mix", "kept", "dropped", "short"}) public String values;

  private final Sanitizer sanitizer = new Sanitizer();
  private final String[] names = new String[VALUES];
  private final Object[] inputs = new Object[VALUES];
  private final boolean[] generatedIds = new boolean[VALUES];

  static List<Object[]> kept() {
    List<Object[]> pool = new ArrayList<>();
    pool.add(pair("accepted", Boolean.TRUE));
    pool.add(pair("accepted", Boolean.FALSE));
    pool.add(pair("modelName", "gpt-4o-mini"));
    pool.add(pair("modelName", "claude-3-5-sonnet-20241022"));
    pool.add(pair("model", "llama3.1:8b"));
    pool.add(pair("model", "codestral-latest"));
    pool.add(pair("model", "openai/gpt-4o"));
    pool.add(pair("model", "claude-3-5-sonnet@20240620"));
    pool.add(pair("model", "accounts/fireworks/models/llama-v3p1-405b-instruct"));
    pool.add(pair("modelProvider", "openai"));
    pool.add(pair("provider", "anthropic"));
    pool.add(pair("provider", "ollama"));
    pool.add(pair("fileExtension", "ts"));
    pool.add(pair("fileExtension", "java"));
    pool.add(pair("fileExtension", "py"));
    pool.add(pair("time", 184L));
    pool.add(pair("time", 1_290L));
    pool.add(pair("promptTokens", 812));
    pool.add(pair("generatedTokens", 64));
    pool.add(pair("temperature", 0.2d));
    pool.add(pair("mode", ChatMode.EDIT));
    pool.add(pair("$current_url", "/history"));
    pool.add(pair("$current_url", "/settings"));
    pool.add(pair("$current_url", "/"));
    pool.add(pair("name", "edit"));
    pool.add(pair("name", "share"));
    pool.add(pair("language", "typescript"));
    pool.add(pair("command", "editor.action.inlineSuggest.commit"));
    pool.add(pair("extensionVersion", "0.9.250"));
    pool.add(pair("osVersion", "6.8.0-45-generic"));
    pool.add(pair("locale", "en-US"));
    pool.add(pair("outcome", "max_tokens"));
    pool.add(new Object[] {"sessionId", "550e8400-e29b-41d4-a716-446655440000", Boolean.TRUE}); // a declared generated id
    pool.add(pair("createdAt", "2024-06-01T12:34:56.789Z"));
    pool.add(pair("ideName", "Visual Studio Code"));
    return pool;
  }

  static List<Object[]> dropped() {
    List<Object[]> pool = new ArrayList<>();
    // neutral names: the value rules decide
    pool.add(pair("workspace", "/home/alice.smith/projects/acme-billing"));
    pool.add(pair("target", "C:\\Users\\bob\\source\\repos\\billing"));
    pool.add(pair("target", "src/main/java/com/acme/Invoice.java"));
    pool.add(pair("origin", "~/projects/acme-billing"));
    pool.add(pair("contact", "alice.smith@acme-billing.com"));
    pool.add(pair("endpoint", "https://ledger.acme-billing.internal/api/v2"));
    pool.add(pair("header", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo"));
    pool.add(pair("session", "ghp_" + "16C7e42F292c6912E7710c838347Ae178B4a"));
    pool.add(pair("id", "Xk9mQ2vL8pR4tY7wZ3nB6cJ1"));
    pool.add(pair("title", "Fix the late fee rounding for Acme"));
    pool.add(pair("snippetKind", "long balanceCents = 0;\nfor (long cents : lineItemCents) {"));
    pool.add(pair("blob", "x".repeat(260)));
    pool.add(pair("payment", "4111 1111 1111 1111"));
    pool.add(pair("callback", "+1 415 555 0132"));
    pool.add(pair("peer", "192.168.1.42"));
    pool.add(pair("machine", "DESKTOP-8JQ2K1L"));
    pool.add(pair("reviewer", "Alice Smith"));
    pool.add(pair("failure",
        "java.lang.IllegalStateException: invoice not found\n\tat com.acme.Invoice.fee(Invoice.java:41)"));
    // names that announce content: dropped by name
    pool.add(pair("prompt", "Refactor lateFeeCents to use BigDecimal"));
    pool.add(pair("prefix", "public long lateFeeCents(LocalDate today) {"));
    pool.add(pair("completion", "return balanceCents() * 250 / 10_000;"));
    pool.add(pair("filepath", "/home/alice.smith/projects/acme-billing/scripts/reconcile.py"));
    pool.add(pair("apiKey", "sk-proj-" + "6yG5qxF0WihDYC5FTbDLms29tLuB38rLYy71CCD1RTG5IUhe"));
    pool.add(pair("userEmail", "alice.smith@acme-billing.com"));
    pool.add(pair("input", "add a docstring"));
    pool.add(pair("selectionText", "private final String customerId;"));
    return pool;
  }

  /** Short values only (at most 40 characters): the common case of an analytics property, kept or not. */
  static List<Object[]> shortValues() {
    List<Object[]> pool = new ArrayList<>();
    for (Object[] pair : kept()) {
      if (!(pair[1] instanceof String) || ((String) pair[1]).length() <= 40) {
        pool.add(pair);
      }
    }
    for (Object[] pair : dropped()) {
      if (pair[1] instanceof String && ((String) pair[1]).length() <= 40) {
        pool.add(pair);
      }
    }
    return pool;
  }

  private static Object[] pair(String name, Object value) {
    return new Object[] {name, value};
  }

  @Setup
  public void setUp() {
    List<Object[]> kept = kept();
    List<Object[]> dropped = dropped();
    expect(kept, true);
    expect(dropped, false);
    List<Object[]> pool = new ArrayList<>();
    switch (values) {
      case "mix":
        pool.addAll(kept);
        pool.addAll(dropped);
        break;
      case "kept":
        pool.addAll(kept);
        break;
      case "dropped":
        pool.addAll(dropped);
        break;
      case "short":
        pool.addAll(shortValues());
        break;
      default:
        throw new IllegalArgumentException("values must be mix, kept, dropped or short, not " + values);
    }
    Random random = new Random(20240601L);
    Map<String, Integer> reasons = new TreeMap<>();
    int sendable = 0;
    for (int i = 0; i < VALUES; i++) {
      Object[] pair = pool.get(random.nextInt(pool.size()));
      names[i] = (String) pair[0];
      inputs[i] = pair[1];
      generatedIds[i] = generatedId(pair);
      Verdict verdict = sanitizer.sanitize(names[i], inputs[i], generatedIds[i]);
      sendable += verdict.sendable() ? 1 : 0;
      reasons.merge(verdict.reason(), 1, Integer::sum);
    }
    System.out.printf("%n[sanitizer-bench] values=%s: %d values, %d kept (%.0f%%), reasons %s%n",
        values, VALUES, sendable, 100.0 * sendable / VALUES, reasons);
  }

  /** A pair's third element, when present, says the host declared the property a generated id. */
  private static boolean generatedId(Object[] pair) {
    return pair.length > 2 && Boolean.TRUE.equals(pair[2]);
  }

  private void expect(List<Object[]> pool, boolean sendable) {
    for (Object[] pair : pool) {
      Verdict verdict = sanitizer.sanitize((String) pair[0], pair[1], generatedId(pair));
      if (verdict.sendable() != sendable) {
        throw new IllegalStateException("the sanitizer's rules changed: " + pair[0] + " was expected to be "
            + (sendable ? "kept" : "dropped") + " but got " + verdict + "; update SanitizerBenchmark's pools");
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(VALUES)
  public void nsPerValue(Blackhole blackhole) {
    sanitizeAll(blackhole);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(VALUES)
  public void valuesPerSecond(Blackhole blackhole) {
    sanitizeAll(blackhole);
  }

  private void sanitizeAll(Blackhole blackhole) {
    Sanitizer judge = sanitizer;
    String[] n = names;
    Object[] v = inputs;
    boolean[] g = generatedIds;
    for (int i = 0; i < n.length; i++) {
      blackhole.consume(judge.sanitize(n[i], v[i], g[i]));
    }
  }
}
