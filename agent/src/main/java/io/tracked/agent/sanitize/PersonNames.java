package io.tracked.agent.sanitize;

import java.util.Set;

/**
 * People's names: user-name spellings of a first and last name ({@code alice.smith},
 * {@code jane_doe}, {@code JohnDoe}, {@code a.smith}), a lone common first name, and phrases of
 * capitalized words that read as a name ({@code Dr. Jane Doe}, {@code Smith, John}, {@code José García}).
 * The lists are of common given names and surnames across languages; names that are also product,
 * model or language names ({@code Claude}, {@code Julia}, {@code Gemma}, {@code Ruby}) are left out.
 */
final class PersonNames {

  private PersonNames() {}

  static final Set<String> FIRST_NAMES = Chars.words(
      "alice", "bob", "carol", "carlos", "charlie", "dave", "david", "erin", "frank", "heidi", "ivan", "judy",
      "mallory", "oscar", "peggy", "trent", "trudy", "walter", "wendy", "john", "jane", "mary", "james", "robert",
      "michael", "william", "richard", "joseph", "thomas", "charles", "christopher", "daniel", "matthew",
      "anthony", "donald", "steven", "stephen", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george",
      "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
      "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "patrick", "raymond",
      "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan", "henry", "zachary", "douglas", "peter",
      "kyle", "noah", "ethan", "jeremy", "christian", "keith", "roger", "terry", "austin", "sean", "gerald",
      "carl", "harold", "dylan", "arthur", "lawrence", "jordan", "jesse", "bryan", "billy", "bruce", "gabriel",
      "logan", "alan", "juan", "albert", "willie", "elijah", "wayne", "randy", "vincent", "mason", "roy",
      "ralph", "bobby", "russell", "bradley", "philip", "eugene", "patricia", "jennifer", "linda", "elizabeth",
      "barbara", "susan", "jessica", "sarah", "karen", "lisa", "nancy", "betty", "sandra", "margaret", "ashley",
      "kimberly", "emily", "donna", "michelle", "amanda", "melissa", "deborah", "stephanie", "dorothy", "rebecca",
      "sharon", "laura", "cynthia", "amy", "kathleen", "angela", "shirley", "brenda", "emma", "anna", "pamela",
      "nicole", "samantha", "katherine", "christine", "helen", "debra", "rachel", "carolyn", "janet", "maria",
      "catherine", "heather", "diane", "olivia", "julie", "joyce", "victoria", "ruth", "virginia", "lauren",
      "kelly", "christina", "joan", "evelyn", "judith", "andrea", "hannah", "megan", "cheryl", "jacqueline",
      "martha", "madison", "teresa", "gloria", "sara", "janice", "kathryn", "abigail", "sophia", "frances",
      "jean", "isabella", "denise", "danielle", "marilyn", "beverly", "charlotte", "natalie", "theresa", "diana",
      "brittany", "doris", "kayla", "alexis", "lori", "marie", "hans", "klaus", "juergen", "jurgen", "wolfgang",
      "stefan", "andreas", "sabine", "ursula", "petra", "monika", "anja", "lukas", "leon", "felix", "jonas",
      "lena", "mia", "pierre", "camille", "louis", "lucas", "chloe", "manon", "giuseppe", "giovanni", "marco",
      "luca", "francesca", "giulia", "alessandro", "sofia", "javier", "miguel", "sergio", "lucia", "carmen",
      "pablo", "diego", "joao", "pedro", "mateus", "dmitri", "dmitry", "sergei", "olga", "natasha", "anastasia",
      "yuki", "hiroshi", "takeshi", "haruto", "sakura", "priya", "rahul", "amit", "arjun", "ananya", "deepak",
      "sanjay", "mohammed", "muhammad", "ahmed", "fatima", "omar", "aisha", "hassan", "kwame", "chinedu", "ngozi",
      "aiden", "liam", "zoe", "erik", "lars", "anders", "ingrid", "astrid", "sven", "nils", "bjorn",
      "pekka", "mikko", "piotr", "katarzyna", "agnieszka", "tomasz", "pavel", "jiri", "mateo",
      "santiago", "valentina", "camila", "isabel", "elena", "irina", "tatiana", "svetlana", "yusuf", "mehmet",
      "ayse", "emre", "fernando", "ricardo", "rafael", "eduardo", "antonio", "francisco", "manuel", "luis",
      "jorge", "alejandro", "rosa", "ana", "beatriz", "ines", "chen", "wei", "jing", "xiaoming", "hyun",
      "minjun", "seoyeon", "jisoo", "takumi", "kenji", "akira", "haruka", "arnav", "vikram", "sunita", "anil",
      "aarav", "aditya", "akash", "ankit", "anjali", "deepika", "divya", "kavya", "neha", "pooja", "rohan", "sneha",
      "vijay", "suresh", "ramesh", "lakshmi", "meera", "ravi", "sunil", "karthik", "hana", "yuto", "riku",
      "hinata", "yuna", "kaito", "ali", "khalid", "layla", "mariam", "youssef", "zainab", "hamza", "ibrahim",
      "abdullah", "amira", "karim", "nadia", "rania", "tariq", "chidi", "amara", "kofi", "abena", "thabo",
      "sipho", "zanele", "ayodele", "folake", "emeka", "wanjiru", "njeri", "aleksandr", "alexei", "andrei",
      "boris", "ekaterina", "mikhail", "nikolai", "oleg", "vladimir", "yulia", "zofia", "jakub", "michal",
      "marek", "lucie", "tereza", "johannes", "matthias", "tobias", "florian", "sebastian", "katharina", "lea",
      "lara", "jana", "jens", "uwe", "dieter", "helga", "gisela", "birgit", "heike", "antoine", "baptiste",
      "benoit", "celine", "claire", "elodie", "guillaume", "julien", "mathieu", "nicolas", "olivier",
      "sebastien", "sylvie", "thibault", "valerie", "alejandra", "andres", "daniela", "gabriela", "jimena",
      "mariana", "paula", "rocio", "ximena", "goncalo", "tiago", "rodrigo", "chiara", "federica", "lorenzo",
      "matteo", "riccardo", "simone", "davide", "alex", "amelia", "chris", "connor", "ella", "evan", "fiona",
      "gavin", "harry", "holly", "ian", "isaac", "jake", "jenna", "jess", "jill", "jim", "jon", "julian", "katie",
      "kate", "leah", "liz", "lucy", "luke", "matt", "mike", "molly", "nate", "oliver", "owen", "sophie",
      "steve", "tim", "toby", "tony", "zach", "bella", "freya", "harper", "isla", "scarlett", "archie", "alfie",
      "theo", "freddie", "tom", "dan");

  static final Set<String> SURNAMES = Chars.words(
      "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
      "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
      "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson",
      "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores", "green",
      "adams", "nelson", "baker", "hall", "rivera", "campbell", "mitchell", "carter", "roberts", "doe", "roe",
      "mueller", "muller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker", "schulz",
      "hoffmann", "bernard", "dubois", "durand", "leroy", "moreau", "rossi", "russo", "ferrari", "esposito",
      "bianchi", "romano", "colombo", "ricci", "fernandez", "silva", "santos", "oliveira", "souza", "ivanov",
      "smirnov", "kuznetsov", "popov", "sato", "suzuki", "takahashi", "tanaka", "watanabe", "wang", "zhang",
      "liu", "chen", "yang", "huang", "zhao", "zhou", "kim", "park", "choi", "patel", "sharma", "singh", "kumar",
      "gupta", "khan", "ahmed", "hansen", "johansen", "olsen", "larsen", "andersen", "nielsen", "jensen",
      "svensson", "karlsson", "nilsson", "kowalski", "nowak", "novak", "horvat", "murphy", "kelly", "obrien",
      "walsh", "okafor", "mensah", "cohen", "levi", "keller", "weiss", "schwartz", "klein", "wolf", "koch",
      "richter", "neumann", "braun", "zimmermann", "hartmann", "lange", "krause", "meier", "lehmann", "kaiser",
      "peters", "evans", "edwards", "collins", "stewart", "morris", "rogers", "reed", "cook", "morgan", "bell",
      "cooper", "richardson", "cox", "howard", "ward", "peterson", "gray", "james", "watson", "brooks", "sanders",
      "price", "bennett", "wood", "barnes", "ross", "henderson", "coleman", "jenkins", "perry", "powell", "long",
      "patterson", "hughes", "washington", "butler", "simmons", "foster", "bryant", "alexander", "russell",
      "griffin", "diaz", "hayes");

  /** {@code true} for a single word that spells a person: alice.smith, jane_doe, JohnDoe, a.smith, Alice, @alice. */
  static boolean userName(String s, int from, int to) {
    if (to - from > 1 && s.charAt(from) == '@') {
      from++; // a mention: @alice, @jane.doe
    }
    int n = to - from;
    if (n < 3 || n > 40) {
      return false;
    }
    int separator = -1;
    int uppers = 0;
    int secondUpper = -1;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.' || c == '_' || c == '-') {
        if (separator >= 0) {
          return false;
        }
        separator = i;
      } else if (Chars.isUpper(c)) {
        uppers++;
        if (i > from && secondUpper < 0) {
          secondUpper = i;
        }
      } else if (!Chars.isLower(c)) {
        return false;
      }
    }
    if (separator < 0) {
      if (uppers == 2 && Chars.isUpper(s.charAt(from)) && secondUpper > from + 1 && to - secondUpper > 1) {
        return FIRST_NAMES.contains(Chars.lowerCase(s, from, secondUpper))
            && SURNAMES.contains(Chars.lowerCase(s, secondUpper, to)); // JohnDoe
      }
      if (uppers <= 1 && (uppers == 0 || Chars.isUpper(s.charAt(from)))) {
        return FIRST_NAMES.contains(Chars.lowerCase(s, from, to)); // Alice, alice
      }
      return false;
    }
    if (separator == from || separator == to - 1) {
      return false;
    }
    String first = Chars.lowerCase(s, from, separator);
    String last = Chars.lowerCase(s, separator + 1, to);
    if (SURNAMES.contains(last) && (first.length() == 1 || FIRST_NAMES.contains(first))) {
      return true; // jane_doe, a.smith
    }
    return s.charAt(separator) == '.' && FIRST_NAMES.contains(first) && last.length() >= 2; // alice.whoever
  }

  /**
   * {@code true} for a token with a first.last spelling inside it, between other parts:
   * {@code cache-alice.smith-v2}, {@code feature/jane_doe/fix}, {@code build@john.doe}. Lone first
   * names inside tokens are not taken for people (model and product names reuse them).
   */
  static boolean embeddedUserName(String s) {
    int n = s.length();
    int start = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? s.charAt(i) : '/';
      if (c == '/' || c == ':' || c == '@' || c == '+' || c == '#' || c == '$' || c == '-') {
        if (i - start >= 3 && (start > 0 || i < n) && hasSeparator(s, start, i) && userName(s, start, i)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  private static boolean hasSeparator(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c == '.' || c == '_') {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code true} for a phrase that reads as a person's name: two to four capitalized words (an
   * optional title, initials, "Last, First"), with a known given name or surname or non-ASCII letters.
   */
  static boolean phrase(String s) {
    int n = s.length();
    if (n > 60 || n < 3) {
      return false;
    }
    int words = 0;
    boolean known = false;
    boolean nonAscii = false;
    int i = 0;
    while (i < n) {
      while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && s.charAt(i) != ' ' && s.charAt(i) != ',') {
        i++;
      }
      int end = i;
      if (end > start && s.charAt(end - 1) == '.') {
        end--;
      }
      if (end == start) {
        return false;
      }
      char first = s.charAt(start);
      if (!Character.isUpperCase(first)) {
        String lower = Chars.lowerCase(s, start, end);
        if (!FIRST_NAMES.contains(lower) && !SURNAMES.contains(lower)) {
          return false;
        }
        known = true;
      }
      for (int k = start; k < end; k++) {
        char c = s.charAt(k);
        if (!(Character.isLetter(c) || c == '-' || c == '\'' || c == '\u2019')) {
          return false;
        }
        nonAscii |= c >= 128;
      }
      String lower = Chars.lowerCase(s, start, end);
      known |= FIRST_NAMES.contains(lower) || SURNAMES.contains(lower);
      int hyphen = lower.indexOf('-');
      if (hyphen > 0) {
        known |= FIRST_NAMES.contains(lower.substring(0, hyphen)) || SURNAMES.contains(lower.substring(hyphen + 1));
      }
      if (!TITLES.contains(lower)) {
        words++;
      }
    }
    return words >= 2 && words <= 4 && (known || nonAscii);
  }

  private static final Set<String> TITLES = Chars.words(
      "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "jr", "sr", "ii", "iii", "phd", "md", "herr", "frau",
      "mme", "mlle", "sra", "sr", "dott", "ing");
}
