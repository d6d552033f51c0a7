package org.thirdparty.editor;

/** Library internals that must never be walked into an event. */
public class Provider {
  Provider parent;
  String endpoint = "https://internal.example.com/complete";
}
