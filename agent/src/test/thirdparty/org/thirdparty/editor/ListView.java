package org.thirdparty.editor;

/** Declares nothing: an entry naming its {@code refresh()} can never fire. */
public class ListView extends BaseView {}
