package io.tracked.agent.sanitize;

/**
 * Every reason a {@link Verdict} can carry. A reason names a class of data, never the data itself, so
 * it can be logged, shown by {@code debug} and by the {@code sanitize} command, and counted.
 */
final class Reasons {

  // kept
  static final String NULL = "null";
  static final String BOOLEAN = "boolean";
  static final String NUMBER = "number";
  static final String ENUM = "enum";
  static final String EMPTY = "empty";
  static final String IDENTIFIER = "identifier";
  static final String ROUTE = "route";
  static final String UUID = "uuid";
  static final String TIMESTAMP = "timestamp";
  static final String PRODUCT_NAME = "product-name";
  static final String SHORTCUT = "shortcut";
  static final String LIST = "list";
  static final String MAP = "map";
  static final String OBJECT = "object";

  // dropped: what the value is
  static final String CONTENT_PARAMETER = "content-parameter";
  static final String PRIVATE_KEY = "private-key";
  static final String SECRET = "secret";
  /** A UUID the host did not declare as an id it generated (it may be a vendor's key). */
  static final String UNDECLARED_ID = "undeclared-id";
  static final String URL_CREDENTIALS = "url-credentials";
  static final String URL = "url";
  static final String EMAIL = "email";
  static final String PATH = "path";
  static final String IP_ADDRESS = "ip-address";
  static final String MAC_ADDRESS = "mac-address";
  static final String CARD_NUMBER = "card-number";
  static final String IBAN = "iban";
  static final String NATIONAL_ID = "national-id";
  static final String PHONE_NUMBER = "phone-number";
  static final String HOST_NAME = "host-name";
  static final String ACCOUNT_ID = "account-id";
  static final String STACK_TRACE = "stack-trace";
  static final String SOURCE_CODE = "source-code";
  static final String PERSON_NAME = "person-name";
  static final String FREE_TEXT = "free-text";
  static final String MULTI_LINE = "multi-line";

  // dropped: why it could not be judged
  static final String TOO_LONG = "too-long";
  static final String NOT_FINITE = "not-finite";
  static final String UNSUPPORTED_TYPE = "unsupported-type";
  static final String UNSUPPORTED_KEY = "unsupported-key";
  static final String BINARY = "binary";
  static final String EMPTY_OBJECT = "empty-object";
  static final String TOO_LARGE = "too-large";
  static final String TOO_DEEP = "too-deep";
  static final String CYCLE = "cycle";
  static final String TIMEOUT = "timeout";
  static final String SANITIZER_ERROR = "sanitizer-error";

  /** Prefix of the reason of a composite that lost some of its parts: "partial: path, email". */
  static final String PARTIAL = "partial: ";

  private Reasons() {}
}
