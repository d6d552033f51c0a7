package io.tracked.sample.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything in the sample that belongs to its (fictional) user and her customers: names, e-mail
 * address, home directory, API keys, a private key and a token, host names and addresses, phone, card,
 * bank and tax numbers, a stack trace, source code and prompts.
 *
 * <p>The editor passes this content to its {@code @Tracked} methods on purpose, without
 * {@code @NotTracked}, because real hosts do exactly that: it is the agent's sanitizer that must keep
 * it on the machine. Keeping all of it in one class lets the integration tests ask
 * {@link #forbidden()} for what must never appear in anything the agent sends.
 *
 * <p>All of it is made up. The API keys, the token and the private key have the shape of real ones so
 * that a sanitizer which recognises them by their shape is put to the test, but they belong to no
 * account; the card number is the well-known test card, the IBAN the standard documentation example,
 * the phone number one of the 555-01xx numbers reserved for fiction, the addresses private ones.
 */
public final class SampleContent {

  static final String USER_NAME = "alice.smith";
  public static final String USER_FULL_NAME = "Alice Smith";
  public static final String USER_EMAIL = "alice.smith@acme-billing.com";
  static final String HOME = "/home/" + USER_NAME;
  public static final String WORKSPACE_ROOT = HOME + "/projects/acme-billing";

  public static final String INVOICE_FILE = "src/main/java/com/acme/Invoice.java";
  public static final String RECONCILE_FILE = "scripts/reconcile.py";

  // Split in two so that secret scanners reading this source do not take the fake keys for leaks.
  public static final String OPENAI_API_KEY = "sk-proj-" + "6yG5qxF0WihDYC5FTbDLms29tLuB38rLYy71CCD1RTG5IUhe";
  public static final String ANTHROPIC_API_KEY = "sk-ant-api03-" + "wlv003q7zTzxvhn1toSKgkXXa3Rux3xm2XEPtvMJ";

  /** A JSON Web Token for the company's model gateway (header, claims naming the user, signature). */
  public static final String GATEWAY_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "."
      + "eyJzdWIiOiJhbGljZS5zbWl0aCIsInRlYW0iOiJiaWxsaW5nIn0" + "." + "Qm9ndXNTaWduYXR1cmVGb3JUaGVTYW1wbGVBcHA";

  /** Where the chat models are reached: the company's internal gateway, the token in the URL. */
  static final String GATEWAY_HOST = "llm-gateway.acme-billing.internal";
  public static final String GATEWAY_URL = "https://" + GATEWAY_HOST + ":8443/v1?access_token=" + GATEWAY_TOKEN;

  /** Ollama on the user's machine. */
  public static final String LOCAL_MODELS_URL = "http://localhost:11434";

  // A customer in the billing runbook, and the infrastructure the reconcile script talks to.
  public static final String CUSTOMER_NAME = "Bruno Keller";
  public static final String CUSTOMER_PHONE = "+1 415 555 0132";
  public static final String CUSTOMER_CARD = "4111 1111 1111 1111";
  public static final String CUSTOMER_IBAN = "DE89 3704 0044 0532 0130 00";
  public static final String CUSTOMER_SSN = "078-05-1120";
  public static final String LEDGER_HOST = "ledger.acme-billing.internal";
  public static final String LEDGER_IP = "10.20.30.40";
  public static final String PRINTER_MAC = "00:1A:2B:3C:4D:5E";
  public static final String LEDGER_KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDSampleKeyBody0nly";
  static final String LEDGER_PRIVATE_KEY = "-----BEGIN " + "PRIVATE KEY-----\n" + LEDGER_KEY_BODY + "\n" + "-----END "
      + "PRIVATE KEY-----";

  /** What the nightly job logged when it failed; the user pastes it into the chat. */
  public static final String NIGHTLY_TRACE = "java.lang.ArithmeticException: / by zero\n"
      + "\tat com.acme.billing.Invoice.lateFeeCents(Invoice.java:41)\n"
      + "\tat com.acme.billing.NightlyRun.main(NightlyRun.java:17)";

  static final String INVOICE_SOURCE = """
      package com.acme.billing;

      import java.time.LocalDate;
      import java.util.ArrayList;
      import java.util.List;

      /**
       * An invoice for one Acme Billing customer; amounts are in euro cents.
       *
       * <p>Runbook example: customer %s (%s, SSN %s) paid invoice 1042 twice, once by card
       * %s and once by SEPA transfer from %s; refund the card.
       */
      public final class Invoice {
        // Owner: %s <alice.smith@acme-billing.com> (ask before changing the fee rules)
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
      """.formatted(CUSTOMER_NAME, CUSTOMER_PHONE, CUSTOMER_SSN, CUSTOMER_CARD, CUSTOMER_IBAN, USER_FULL_NAME);

  /** Where the scripted user starts typing in Invoice.java: after the last method. */
  public static final String INVOICE_INSERTION_POINT = "    return lateFeeCents;\n  }";

  static final String RECONCILE_SOURCE = """
      \"\"\"Reconciles Acme Billing invoices against the ledger export.

      Maintainer: alice.smith@acme-billing.com
      \"\"\"
      import csv
      from decimal import Decimal

      LEDGER_EXPORT = "/home/alice.smith/projects/acme-billing/exports/ledger.csv"
      LEDGER_API = "https://%s/v2/export?access_token=%s"
      LEDGER_IP = "%s"  # when the VPN's DNS is down
      RECEIPT_PRINTER_MAC = "%s"
      LEDGER_CLIENT_KEY = \"\"\"%s\"\"\"


      def reconcile_acme_ledger(invoices, ledger_rows):
          mismatches = []
          for row in ledger_rows:
              expected = invoices.get(row["invoice_id"])
              if expected is None:
                  mismatches.append((row["invoice_id"], "missing"))
              elif Decimal(row["amount"]) != expected:
                  mismatches.append((row["invoice_id"], "amount"))
          return mismatches
      """.formatted(LEDGER_HOST, GATEWAY_TOKEN, LEDGER_IP, PRINTER_MAC, LEDGER_PRIVATE_KEY);

  /**
   * What the scripted user types into Invoice.java, one suggestion request after each step; each
   * step ends where the autocomplete engine has something to offer.
   */
  public static final List<TypingStep> INVOICE_TYPING = List.of(
      new TypingStep(
          "\n\n  public long totalDueCents(LocalDate today) {\n    long balanceCents = ",
          "balanceCents();"),
      new TypingStep("\n    long lateFeeCents = ", "lateFeeCents(today);"),
      new TypingStep("\n    return ", "balanceCents + lateFeeCents;"),
      new TypingStep(
          "\n  }\n\n  public boolean isOverdue(LocalDate today) {\n    if (",
          "today.isAfter(dueDate)) {"));

  /** Typed after the last Invoice.java step, so that the file compiles again. */
  public static final String INVOICE_TYPING_END = "\n      return true;\n    }\n    return false;\n  }";

  /** What the scripted user types at the end of reconcile.py. */
  public static final List<TypingStep> RECONCILE_TYPING = List.of(
      new TypingStep(
          "\n\nif __name__ == \"__main__\":\n    for row in ",
          "csv.DictReader(open(LEDGER_EXPORT)):"),
      new TypingStep("\n        mismatches.append(", "(row[\"invoice_id\"], \"checked\"))"));

  /** The first chat question: a prompt with a pasted stack trace and an e-mail address, about the open file. */
  public static final String FIRST_PROMPT = "Why is lateFeeCents double-charging our Berlin customers? Last night's run logged\n"
      + NIGHTLY_TRACE
      + "\nPlease reply to "
      + USER_EMAIL
      + " with a fix.";

  /** The second chat question, asked after switching models. */
  public static final String SECOND_PROMPT = "Write a JUnit test for totalDueCents that covers an invoice paid on the due date.";

  public static final String EDIT_INSTRUCTION = "rename balanceCents to outstandingCents";
  public static final String CMD_REQUEST = "run the invoice tests on alice.smith's branch";

  private SampleContent() {}

  /** The files of the user's workspace, relative path to initial content. */
  public static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(INVOICE_FILE, INVOICE_SOURCE);
    files.put(RECONCILE_FILE, RECONCILE_SOURCE);
    return files;
  }

  /**
   * Strings, or distinctive fragments of them, that the sample passes to its tracked methods and that
   * must never leave the machine: the user's name, e-mail address, home and project paths, API keys,
   * the gateway's token and host, a private key, a customer's name, phone, card, IBAN and SSN, an IP and
   * a MAC address, a stack trace, code from her files (including the suggestions the model writes), and
   * her prompts. Each is long and unusual enough that it cannot occur by chance in a legitimate event.
   */
  public static List<String> forbidden() {
    return List.of(
        USER_NAME,
        USER_FULL_NAME,
        USER_EMAIL,
        HOME,
        WORKSPACE_ROOT,
        "acme-billing",
        OPENAI_API_KEY,
        ANTHROPIC_API_KEY,
        // secrets and where they are used
        GATEWAY_TOKEN,
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
        GATEWAY_HOST,
        "access_token",
        LEDGER_KEY_BODY,
        "PRIVATE KEY",
        // a customer, and the machines of the business
        CUSTOMER_NAME,
        CUSTOMER_PHONE,
        "415 555 0132",
        CUSTOMER_CARD,
        "4111111111111111",
        CUSTOMER_IBAN,
        "DE89370400440532013000",
        CUSTOMER_SSN,
        LEDGER_HOST,
        LEDGER_IP,
        PRINTER_MAC,
        // what the nightly job logged
        "ArithmeticException",
        "Invoice.java:41",
        "NightlyRun",
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
