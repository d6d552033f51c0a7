package io.tracked.agent.weaving.cache;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Whether a cache directory or entry may be trusted: the code in an entry runs inside the host, so
 * only what the current user alone could have written is used. The path itself must be what it
 * claims (a directory, or a regular file: never a link, a pipe or a device), owned by the current
 * user, and not writable by group or others, where the file system has such attributes.
 */
final class Ownership {

  /** What was found at a path. */
  enum Kind {
    MISSING, TRUSTED, REFUSED
  }

  /** One look at a path: its kind, and for a trusted file its size. */
  record Look(Kind kind, long size, String problem) {}

  private static volatile UserPrincipal currentUser;

  private Ownership() {}

  /** Looks at {@code path} without following links or opening it. */
  static Look look(Path path, boolean directory) {
    try {
      BasicFileAttributes attributes;
      UserPrincipal owner;
      Set<PosixFilePermission> permissions = null;
      PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class,
          LinkOption.NOFOLLOW_LINKS);
      if (posix != null) {
        PosixFileAttributes read = posix.readAttributes();
        attributes = read;
        owner = read.owner();
        permissions = read.permissions();
      } else {
        attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        FileOwnerAttributeView ownerView = Files.getFileAttributeView(path, FileOwnerAttributeView.class,
            LinkOption.NOFOLLOW_LINKS);
        owner = ownerView == null ? null : ownerView.getOwner();
      }
      if (directory ? !attributes.isDirectory() : !attributes.isRegularFile()) {
        return refused(path + " is not a " + (directory ? "directory" : "regular file"));
      }
      if (owner != null && !owner.equals(currentUser())) {
        return refused(path + " is owned by " + owner.getName() + ", not by the user running the host");
      }
      if (permissions != null && (permissions.contains(PosixFilePermission.GROUP_WRITE)
          || permissions.contains(PosixFilePermission.OTHERS_WRITE))) {
        return refused(path + " is writable by group or others");
      }
      return new Look(Kind.TRUSTED, attributes.size(), null);
    } catch (java.nio.file.NoSuchFileException missing) {
      return new Look(Kind.MISSING, 0, null);
    } catch (IOException | RuntimeException unreadable) {
      return refused(path + " cannot be inspected (" + unreadable.getClass().getSimpleName() + ")");
    }
  }

  private static Look refused(String problem) {
    return new Look(Kind.REFUSED, 0, problem);
  }

  /** The user this JVM runs as, by the name the JVM was started with. */
  private static UserPrincipal currentUser() throws IOException {
    UserPrincipal user = currentUser;
    if (user == null) {
      user = FileSystems.getDefault().getUserPrincipalLookupService()
          .lookupPrincipalByName(System.getProperty("user.name"));
      currentUser = user;
    }
    return user;
  }
}
