package io.tracked.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything in the sample that belongs to its (fictional) user: her name, e-mail address, home
 * directory, API keys, source code and prompts.
 *
 * <p>The editor passes this content to its {@code @Tracked} methods on purpose, without
 * {@code @NotTracked}, because real hosts do exactly that: it is the agent's sanitizer that must keep
 * it on the machine. Keeping all of it in one class lets the integration tests ask
 * {@link #forbidden()} for what must never appear in anything the agent sends.
 *
 * <p>All of it is made up. The API keys have the shape of real ones so that a sanitizer which
 * recognises keys by their shape is put to the test, but they belong to no account.
 */
public final class SampleContent {

  static final String USER_NAME = "alice.smith";
  static final String USER_EMAIL = "alice.smith@acme-billing.com";
  static final String HOME = "/home/" + USER_NAME;
  static final String WORKSPACE_ROOT = HOME + "/projects/acme-billing";

  static final String INVOICE_FILE = "src/main/java/com/acme/Invoice.java";
  static final String RECONCILE_FILE = "scripts/reconcile.py";

  // Split in two so that secret scanners reading this source do not take the fake keys for leaks.
  static final String OPENAI_API_KEY = "sk-proj-" + "6yG5qxF0WihDYC5FTbDLms29tLuB38rLYy71CCD1RTG5IUhe";
  static final String ANTHROPIC_API_KEY = "sk-ant-api03-" + "wlv003q7zTzxvhn1toSKgkXXa3Rux3xm2XEPtvMJ";

  static final String INVOICE_SOURCE =
      """
      package com.acme.billing;

      import java.time.LocalDate;
      import java.util.ArrayList;
      import java.util.List;

      /** An invoice for one Acme Billing customer; amounts are in euro cents. */
      public final class Invoice {
        // Owner: alice.smith@acme-billing.com (ask before changing the fee rules)
        private static final long ACME_LATE_FEE_BASIS_POINTS = 250;
        private static final String LEDGER_URL = "jdbc:postgresql://ledger.acme-billing.internal:5432/ledger";

        private final String customerId;
        private final LocalDate dueDate;
        private final List<Long> lineItemCents = new ArrayList<>();

        public Invoice(String customerId, LocalDate dueDate) {
          this.customerId = customerId;
          this.dueDate = dueDate;
        }

        public void addLineItem(long cents) {
          lineItemCents.add(cents);
        }

        public long balanceCents() {
          long balanceCents = 0;
          for (long cents : lineItemCents) {
            balanceCents += cents;
          }
          return balanceCents;
        }

        public long lateFeeCents(LocalDate today) {
          if (!today.isAfter(dueDate)) {
            return 0;
          }
          long balanceCents = balanceCents();
          long lateFeeCents = balanceCents * ACME_LATE_FEE_BASIS_POINTS / 10_000;
          return lateFeeCents;
        }
      }
      """;

  /** Where the scripted user starts typing in Invoice.java: after the last method. */
  static final String INVOICE_INSERTION_POINT = "    return lateFeeCents;\n  }";

  static final String RECONCILE_SOURCE =
      """
      \"\"\"Reconciles Acme Billing invoices against the ledger export.

      Maintainer: alice.smith@acme-billing.com
      \"\"\"
      import csv
      from decimal import Decimal

      LEDGER_EXPORT = "/home/alice.smith/projects/acme-billing/exports/ledger.csv"


      def reconcile_acme_ledger(invoices, ledger_rows):
          mismatches = []
          for row in ledger_rows:
              expected = invoices.get(row["invoice_id"])
              if expected is None:
                  mismatches.append((row["invoice_id"], "missing"))
              elif Decimal(row["amount"]) != expected:
                  mismatches.append((row["invoice_id"], "amount"))
          return mismatches
      """;

  /**
   * What the scripted user types into Invoice.java, one suggestion request after each step; each
   * step ends where the autocomplete engine has something to offer.
   */
  static final List<TypingStep> INVOICE_TYPING =
      List.of(
          new TypingStep(
              "\n\n  public long totalDueCents(LocalDate today) {\n    long balanceCents = ",
              "balanceCents();"),
          new TypingStep("\n    long lateFeeCents = ", "lateFeeCents(today);"),
          new TypingStep("\n    return ", "balanceCents + lateFeeCents;"),
          new TypingStep(
              "\n  }\n\n  public boolean isOverdue(LocalDate today) {\n    if (",
              "today.isAfter(dueDate)) {"));

  /** Typed after the last Invoice.java step, so that the file compiles again. */
  static final String INVOICE_TYPING_END = "\n      return true;\n    }\n    return false;\n  }";

  /** What the scripted user types at the end of reconcile.py. */
  static final List<TypingStep> RECONCILE_TYPING =
      List.of(
          new TypingStep(
              "\n\nif __name__ == \"__main__\":\n    for row in ",
              "csv.DictReader(open(LEDGER_EXPORT)):"),
          new TypingStep("\n        mismatches.append(", "(row[\"invoice_id\"], \"checked\"))"));

  /** The first chat question: a prompt with an e-mail address in it, about the open file. */
  static final String FIRST_PROMPT =
      "Why is lateFeeCents double-charging our Berlin customers? Please reply to "
          + USER_EMAIL
          + " with a fix.";

  /** The second chat question, asked after switching models. */
  static final String SECOND_PROMPT =
      "Write a JUnit test for totalDueCents that covers an invoice paid on the due date.";

  static final String EDIT_INSTRUCTION = "rename balanceCents to outstandingCents";
  static final String CMD_REQUEST = "run the invoice tests on alice.smith's branch";

  private SampleContent() {}

  /** The files of the user's workspace, relative path to initial content. */
  static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(INVOICE_FILE, INVOICE_SOURCE);
    files.put(RECONCILE_FILE, RECONCILE_SOURCE);
    return files;
  }

  /**
   * Strings, or distinctive fragments of them, that the sample passes to its tracked methods and that
   * must never leave the machine: the user's name, e-mail address, home and project paths, API keys,
   * code from her files (including the suggestions the model writes), and her prompts. Each is long
   * and unusual enough that it cannot occur by chance in a legitimate event.
   */
  public static List<String> forbidden() {
    return List.of(
        USER_NAME,
        USER_EMAIL,
        HOME,
        WORKSPACE_ROOT,
        "acme-billing",
        OPENAI_API_KEY,
        ANTHROPIC_API_KEY,
        // code in the files and in the completions the model writes for them
        "ACME_LATE_FEE_BASIS_POINTS",
        "lateFeeCents",
        "balanceCents",
        "outstandingCents",
        "isAfter(dueDate)",
        "reconcile_acme_ledger",
        "ledger_rows",
        "row[\"invoice_id\"]",
        // prompts and command input
        "double-charging our Berlin customers",
        "invoice paid on the due date",
        "run the invoice tests");
  }
}
