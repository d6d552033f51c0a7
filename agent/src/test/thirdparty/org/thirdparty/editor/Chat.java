package org.thirdparty.editor;

/** A prompt to skip, a model to keep, and a parameter whose name alone makes it never sent. */
public class Chat {
  public void send(String prompt, String model, String apiKey) {}
}
