package org.thirdparty.editor;

/** Inherits {@code size()} from the JDK, which is never woven. */
public class Buffer extends java.util.ArrayList<String> {}
